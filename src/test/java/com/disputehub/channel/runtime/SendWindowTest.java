package com.disputehub.channel.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SendWindowTest {

    @Test
    @DisplayName("X4: at most the channel's limit leaves in any period: the 4th of 3 a period waits until the 1st is a period old")
    void fourthWaitsForTheFirstToAge() throws InterruptedException {
        SendWindow window = new SendWindow(3, Duration.ofMillis(200));
        List<Long> started = new ArrayList<>();
        List<Long> left = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            started.add(System.nanoTime());
            window.enter();
            left.add(System.nanoTime());
        }
        // each call is counted between its start and its return: call k + 3 is counted a period after call k was
        for (int k = 0; k + 3 < left.size(); k++) {
            assertThat(left.get(k + 3) - started.get(k)).as("call %d after call %d", k + 3, k)
                    .isGreaterThanOrEqualTo(Duration.ofMillis(200).toNanos());
        }
    }
}
