package com.disputehub.web;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The stream an open page listens to (server-sent events): which incident changed, as it happens. */
@Controller
class LiveController {

    private final LivePages live;

    LiveController(LivePages live) {
        this.live = live;
    }

    @GetMapping(path = "/inbox/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter live(@org.springframework.web.bind.annotation.RequestParam(defaultValue = "0") long after) {
        return live.subscribe(after);
    }
}
