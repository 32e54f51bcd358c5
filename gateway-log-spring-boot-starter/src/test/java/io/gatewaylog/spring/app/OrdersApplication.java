package io.gatewaylog.spring.app;

import io.gatewaylog.api.Fields;
import io.gatewaylog.api.GatewayLogger;
import io.gatewaylog.api.GatewayLoggers;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The Boot application of the tests: one endpoint that logs to the API component and through SLF4J. */
@SpringBootApplication
public class OrdersApplication {

    /** Logs every request: INFO and DEBUG to the API component, WARN through SLF4J. */
    @RestController
    static class Orders {
        private static final GatewayLogger LOG = GatewayLoggers.api("orders");
        private static final Logger CHATTY = LoggerFactory.getLogger("io.gatewaylog.spring.app.chatty.Client");

        @GetMapping("/orders/{id}")
        String order(@PathVariable("id") String id) {
            LOG.info("Order read", Fields.of("order_id", id));
            LOG.debug("Order detail", Fields.of("order_id", id));
            CHATTY.warn("chatty warning {}", id);
            return "order " + id;
        }
    }

    /** Logs while the context closes: the record must be written, not dropped. */
    @Component
    static class Closing {
        @PreDestroy
        void close() {
            GatewayLoggers.api("orders").info("Context closing");
        }
    }
}
