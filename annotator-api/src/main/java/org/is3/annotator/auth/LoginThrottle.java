package org.is3.annotator.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits failed logins per user name and per client address within a sliding window, so passwords
 * cannot be guessed at speed. While a key is over its limit every attempt is refused before the
 * password is checked; a success does not reset the count (a guesser who found one password must
 * not get a fresh budget).
 */
public final class LoginThrottle {
    private final int maxPerName;
    private final int maxPerAddress;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int maxPerName, int maxPerAddress, Duration window, Clock clock) {
        this.maxPerName = maxPerName;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
        this.clock = clock;
    }

    /** How long to wait before trying again, when over a limit. */
    public Optional<Duration> refusal(String name, String address) {
        long now = clock.millis();
        long a = retryAfter("n:" + name, maxPerName, now);
        long b = retryAfter("a:" + address, maxPerAddress, now);
        long wait = Math.max(a, b);
        return wait > 0 ? Optional.of(Duration.ofMillis(wait)) : Optional.empty();
    }

    public void failed(String name, String address) {
        long now = clock.millis();
        record("n:" + name, now);
        record("a:" + address, now);
        if (failures.size() > 100_000) {
            failures.clear(); // bounded memory under a flood of made-up names
        }
    }

    private void record(String key, long now) {
        Deque<Long> q = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (q) {
            q.addLast(now);
            prune(q, now);
        }
    }

    private long retryAfter(String key, int max, long now) {
        Deque<Long> q = failures.get(key);
        if (q == null) {
            return 0;
        }
        synchronized (q) {
            prune(q, now);
            if (q.size() < max) {
                return 0;
            }
            return q.peekFirst() + window.toMillis() - now;
        }
    }

    private void prune(Deque<Long> q, long now) {
        while (!q.isEmpty() && q.peekFirst() <= now - window.toMillis()) {
            q.removeFirst();
        }
        while (q.size() > 1000) {
            q.removeFirst();
        }
    }
}
