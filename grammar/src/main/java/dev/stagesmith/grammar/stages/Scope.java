package dev.stagesmith.grammar.stages;

import dev.stagesmith.grammar.expand.Expander;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The variables visible at one point of a Dockerfile. {@link #open()} says that more may exist that
 * the Dockerfile does not show: the environment of a base image pulled from a registry.
 */
public final class Scope {

    private final Map<String, Binding> bindings;
    private final boolean open;

    Scope(Map<String, Binding> bindings, boolean open) {
        this.bindings = Collections.unmodifiableMap(new LinkedHashMap<>(bindings));
        this.open = open;
    }

    public static Scope empty() {
        return new Scope(Map.of(), false);
    }

    /** Every visible variable, in the order it was first set. */
    public Map<String, Binding> bindings() {
        return bindings;
    }

    public Optional<Binding> lookup(String name) {
        return Optional.ofNullable(bindings.get(name));
    }

    /** Whether a variable may exist beyond {@link #bindings()} (a registry base image's ENV). */
    public boolean open() {
        return open;
    }

    /** The values for expansion: a variable declared without a value is unset, as in BuildKit. */
    public Expander.Variables variables() {
        return name -> {
            Binding b = bindings.get(name);
            return b == null ? null : b.value();
        };
    }
}
