package io.weft.acvip.poll;

import io.weft.acvip.domain.LookupAnswer;

/**
 * What a lookup is answered with.
 *
 * @param answer   the domains
 * @param polled   the call waited for a change (it asked to and nothing was new when it came)
 * @param accepted {@code false} when it asked to wait but too many polls were waiting: answered at once,
 *                 and the client should back off before asking again
 */
public record PollReply(LookupAnswer answer, boolean polled, boolean accepted) {
}
