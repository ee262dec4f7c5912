package com.disputehub.channel.cj;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/** CJ's API 2.0 answers as its documentation shows them ({@code code, result, message, data, requestId}), for fakes. */
final class CjAnswers {

    private CjAnswers() {
    }

    static ResponseDefinitionBuilder ok(String data) {
        return okJson("{\"code\":200,\"result\":true,\"message\":\"Success\",\"data\":" + data + ",\"requestId\":\"r\"}");
    }
}
