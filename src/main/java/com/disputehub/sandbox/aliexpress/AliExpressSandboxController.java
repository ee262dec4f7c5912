package com.disputehub.sandbox.aliexpress;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import tools.jackson.databind.node.ObjectNode;

/** The simulated AliExpress gateway at {@code /sandbox/aliexpress/sync}: signed calls only, as the real one. */
@RestController
@ConditionalOnProperty(name = "disputehub.sandbox.enabled", havingValue = "true")
class AliExpressSandboxController {

    private final AeSimGateway gateway;
    private final AeSandboxProperties properties;

    AliExpressSandboxController(AeSimGateway gateway, AeSandboxProperties properties) {
        this.gateway = gateway;
        this.properties = properties;
    }

    @PostMapping(path = "/sandbox/aliexpress/sync", produces = MediaType.APPLICATION_JSON_VALUE)
    String sync(@RequestParam Map<String, String> params,
                @RequestPart(name = "image_bytes", required = false) MultipartFile image) throws IOException {
        Map<String, String> signed = new HashMap<>(params);
        if (!properties.appKey().equals(signed.get("app_key"))) {
            throw new AeSimGateway.SimError("isv.appkey-not-exists", "Invalid app Key");
        }
        if (!AeSignatureCheck.valid(properties.appSecret(), signed)) {
            throw new AeSimGateway.SimError("IncompleteSignature", "The request signature does not conform to platform standards");
        }
        if (!properties.accessToken().equals(signed.get("access_token"))) {
            throw new AeSimGateway.SimError("IllegalAccessToken", "The specified access token is invalid or expired");
        }
        ObjectNode answer = gateway.call(signed.getOrDefault("method", ""), signed, image == null ? null : image.getBytes());
        return AeSimGateway.JSON.writeValueAsString(answer);
    }

    /** The gateway answers errors with HTTP 200 and an error_response, as AliExpress does. */
    @ExceptionHandler(AeSimGateway.SimError.class)
    ResponseEntity<String> error(AeSimGateway.SimError e) {
        ObjectNode answer = AeSimGateway.JSON.createObjectNode();
        answer.putObject("error_response").put("code", e.code).put("msg", e.getMessage()).put("request_id", "sandbox-error");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(AeSimGateway.JSON.writeValueAsString(answer));
    }
}
