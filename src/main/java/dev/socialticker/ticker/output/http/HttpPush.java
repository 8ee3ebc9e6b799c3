package dev.socialticker.ticker.output.http;

import java.net.URI;
import java.util.Map;

/**
 * One HTTP request a push makes.
 *
 * @param headers request headers, besides Content-Type
 * @param body    null for a request without a body
 */
record HttpPush(String method, URI uri, Map<String, String> headers, String contentType, byte[] body) {}
