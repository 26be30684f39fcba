/** Health probes of registered addresses: a TCP connect with a timeout, swept at a fixed interval. */
package io.weft.acvip.probe;
