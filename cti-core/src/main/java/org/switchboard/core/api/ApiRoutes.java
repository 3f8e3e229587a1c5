package org.switchboard.core.api;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.QueryStringDecoder;

/** One part of the API. Runs on the blocking executor group, never on the event loop. */
public interface ApiRoutes {

    /** The response, or null when the path is not this part's. May throw {@link ApiJson.BadRequest}. */
    FullHttpResponse handle(FullHttpRequest req, QueryStringDecoder query);
}
