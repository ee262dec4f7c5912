package com.disputehub.channel.contract;

import java.util.Map;
import java.util.function.Function;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * A read the fake answers from what the kit served (a detail by id, a list by order), as the channel would: a stub
 * names it with {@code withTransformers(name)} and this gives the body. One per adapter test, registered on its
 * WireMock server.
 */
public abstract class KitReads implements ResponseDefinitionTransformerV2 {

    private final String name;

    protected KitReads(String name) {
        this.name = name;
    }

    /** The body the channel answers to this request, from what was served. */
    protected abstract String body(Request request);

    /** The status it answers with; 200 unless the channel is scripted to fail this read. */
    protected int status(Request request) {
        return 200;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        return ResponseDefinitionBuilder.like(event.getResponseDefinition()).but().withStatus(status(event.getRequest()))
                .withBody(body(event.getRequest())).build();
    }

    /**
     * A detail read by the id that ends the path ({@code /claims/{id}}): what was served under that id, else a 404
     * with the channel's own error body.
     */
    public static class ById extends KitReads {

        private final Map<String, String> served;
        private final Function<String, String> notFound;

        public ById(String name, Map<String, String> served, Function<String, String> notFound) {
            super(name);
            this.served = served;
            this.notFound = notFound;
        }

        protected static String id(Request request) {
            String path = request.getUrl().split("\\?")[0];
            return path.substring(path.lastIndexOf('/') + 1);
        }

        @Override
        protected String body(Request request) {
            String record = served.get(id(request));
            return record == null ? notFound.apply(id(request)) : record;
        }

        @Override
        protected int status(Request request) {
            return served.containsKey(id(request)) ? 200 : 404;
        }
    }
}
