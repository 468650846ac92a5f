package dev.stagesmith.server.features.symbols;

/**
 * A variable as navigation sees it: a name within a scope. Two mentions of the same name are the same
 * variable when BuildKit would let a value flow from one to the other: the global scope (global ARGs,
 * FROM lines and the stages that redeclare the global ARG), or one family of stages, rooted at the first
 * stage of a {@code FROM <stage>} chain that declares the name.
 *
 * @param name the variable name, case-sensitive
 * @param scope -1 for the global scope, else the index of the stage the family is rooted at
 */
public record Variable(String name, int scope) {

    public static final int GLOBAL = -1;

    public boolean isGlobal() {
        return scope == GLOBAL;
    }
}
