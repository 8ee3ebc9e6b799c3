package dev.socialticker.ticker.provider.demo;

import dev.socialticker.ticker.provider.contract.TickerHeaders;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * The built-in {@code demo} provider: a follower count that drifts plausibly (mostly up, small
 * steps, the odd unfollow) so a first run shows a moving ticker without any network or account.
 */
@Component
class DemoFollowerSimulator implements Processor {
    private final Map<String, Long> counts = new ConcurrentHashMap<>();

    @Override
    public void process(Exchange exchange) {
        String account = exchange.getIn().getHeader(TickerHeaders.ACCOUNT, String.class);
        long next = counts.compute(account, (key, previous) -> previous == null ? start(key) : drift(previous));
        exchange.getIn().setHeader(TickerHeaders.RAW_TOTAL, next);
        exchange.getIn().setHeader(TickerHeaders.PROFILE, account);
    }

    /** A stable, account-dependent starting point, so restarts do not look like a collapse. */
    private static long start(String account) {
        return 12_000 + Math.floorMod(account.hashCode(), 5_000);
    }

    private static long drift(long previous) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long step = random.nextInt(10) == 0 ? -random.nextInt(1, 4) : random.nextInt(0, 26);
        return Math.max(0, previous + step);
    }
}
