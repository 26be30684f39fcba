/**
 * The ACVIP HTTP protocol on port 9003 ({@link io.weft.api.acvip.AcvipProtocol} describes it): request
 * parsing with clear errors, answers as JSON, and the servlet that long-polls asynchronously.
 */
package io.weft.acvip.http;
