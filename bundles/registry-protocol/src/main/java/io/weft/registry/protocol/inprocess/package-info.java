/**
 * The session port of a data server offered inside one node (decision record 0025): a session server in the same
 * JVM hands its requests to the data server as objects and receives its change notices as objects, instead of
 * writing them to the data server's 9620 over loopback TCP with Bolt and Hessian. The messages are the cluster
 * protocol's own ({@code io.weft.registry.protocol}); the addresses, the slot table, the leases and the replies are
 * the same as on the wire, so a session treats an in-process data server like any other.
 *
 * <p>One rule replaces the copy that serialisation made: <b>a message handed over is never changed again</b>, by
 * its sender or its receiver, nor any list or map it holds. Both sides already build every request, reply and
 * notice afresh and only read what they receive.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.weft.registry.protocol.inprocess;
