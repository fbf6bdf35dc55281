package dev.sqlscore.modelserver;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Models for tests that reason about rows, and a recorder of what the server was asked. */
public final class TestModels {

    private TestModels() {
    }

    /** A CSV model that answers each row with its first feature, as XGBoost answers with one score per line. */
    public static Reply firstFeature(Invocation invocation) {
        StringBuilder answer = new StringBuilder();
        new String(invocation.request().body(), StandardCharsets.UTF_8).lines().forEach(line -> {
            int comma = line.indexOf(',');
            answer.append(comma < 0 ? line : line.substring(0, comma)).append('\n');
        });
        return Reply.answer("text/csv", answer.toString());
    }

    /**
     * A CSV model that refuses the whole request when any row holds {@code marker}, as a container refuses a request
     * for one row it cannot parse, quoting that row in its message (as containers do); otherwise
     * {@link #firstFeature}.
     */
    public static Model refusingRowsWith(String marker) {
        return invocation -> {
            String body = new String(invocation.request().body(), StandardCharsets.UTF_8);
            for (String line : body.lines().toList()) {
                if (line.contains(marker)) {
                    return Reply.containerError(400, "could not convert string to float: '" + line + "'");
                }
            }
            return firstFeature(invocation);
        };
    }

    /** Records every invocation and how many ran at once, around another model. */
    public static final class Recorder implements Model {
        private final Model model;
        private final List<Invocation> invocations = new CopyOnWriteArrayList<>();
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicInteger maxInFlight = new AtomicInteger();

        public Recorder(Model model) {
            this.model = model;
        }

        @Override
        public Reply invoke(Invocation invocation) {
            invocations.add(invocation);
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                return model.invoke(invocation);
            } finally {
                inFlight.decrementAndGet();
            }
        }

        public List<Invocation> invocations() {
            return invocations;
        }

        public Invocation last() {
            return invocations.getLast();
        }

        public int maxInFlight() {
            return maxInFlight.get();
        }
    }
}
