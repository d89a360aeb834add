package org.is3.cli;

import org.is3.pipeline.broker.Broker;
import org.is3.pipeline.broker.BrokerConfig;
import picocli.CommandLine.Option;

/** Which Artemis broker the pipeline uses: the home's embedded one (joined if `up` runs) or a URL. */
final class BrokerOptions {
    @Option(names = "--broker-url", paramLabel = "URL", defaultValue = "${env:IS3_BROKER_URL}",
            description = "Use this Artemis broker instead of the embedded one (env IS3_BROKER_URL),"
                    + " e.g. tcp://queue.example:61616 or (tcp://a:61616,tcp://b:61616).")
    String url;

    /** The embedded broker of {@code home}, joined over TCP when another is3 already serves it. */
    Broker join(HomeOptions home) {
        return Broker.join(config(home));
    }

    BrokerConfig config(HomeOptions home) {
        return url == null || url.isBlank() ? BrokerConfig.embedded(home.home()) : BrokerConfig.external(url);
    }
}
