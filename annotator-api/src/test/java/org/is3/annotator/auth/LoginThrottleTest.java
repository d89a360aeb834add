package org.is3.annotator.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void aNameOverItsLimitWaitsUntilTheOldestFailureLeavesTheWindow() {
        LoginThrottle t = new LoginThrottle(3, 10, Duration.ofMinutes(1), clock);
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), t.refusal("eve", "10.0.0." + i));
            t.failed("eve", "10.0.0." + i);
            now = now.plusSeconds(10);
        }
        assertEquals(Optional.of(Duration.ofSeconds(30)), t.refusal("eve", "10.0.0.9"));
        assertEquals(Optional.empty(), t.refusal("bob", "10.0.0.9"), "other names are not affected");
        now = now.plusSeconds(30);
        assertEquals(Optional.empty(), t.refusal("eve", "10.0.0.9"));
    }

    @Test
    void oneAddressTryingManyNamesIsLimitedToo() {
        LoginThrottle t = new LoginThrottle(3, 5, Duration.ofMinutes(1), clock);
        for (int i = 0; i < 5; i++) {
            t.failed("user" + i, "10.0.0.1");
        }
        assertTrue(t.refusal("fresh", "10.0.0.1").isPresent());
        assertTrue(t.refusal("fresh", "10.0.0.2").isEmpty());
    }

    @Test
    void rolesIncludeTheOnesBelowThem() {
        assertTrue(Role.ADMIN.atLeast(Role.REVIEWER) && Role.REVIEWER.atLeast(Role.ANNOTATOR));
        assertTrue(!Role.ANNOTATOR.atLeast(Role.REVIEWER));
        assertEquals(Role.REVIEWER, Role.fromName(" Reviewer "));
    }
}
