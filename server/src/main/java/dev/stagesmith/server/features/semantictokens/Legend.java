package dev.stagesmith.server.features.semantictokens;

import java.util.Arrays;
import java.util.List;
import org.eclipse.lsp4j.SemanticTokenModifiers;
import org.eclipse.lsp4j.SemanticTokenTypes;
import org.eclipse.lsp4j.SemanticTokensLegend;

/**
 * The token types and modifiers Stagesmith reports, in legend order: a type's ordinal is its index in
 * the legend, a modifier's ordinal its bit.
 */
public final class Legend {

    /** What a token is. */
    public enum Type {
        /** Instruction keywords, {@code AS}, {@code CMD}/{@code NONE} in HEALTHCHECK. */
        KEYWORD(SemanticTokenTypes.Keyword),
        COMMENT(SemanticTokenTypes.Comment),
        /** Values: ENV/ARG/LABEL values, JSON strings, flag values, heredoc markers. */
        STRING(SemanticTokenTypes.String),
        /** {@code $X}, {@code ${X}}, and ARG/ENV names where they are declared. */
        VARIABLE(SemanticTokenTypes.Variable),
        /** A flag's {@code --name}. */
        PARAMETER(SemanticTokenTypes.Parameter),
        /** LABEL keys. */
        PROPERTY(SemanticTokenTypes.Property),
        /** The registry of an image reference. */
        NAMESPACE(SemanticTokenTypes.Namespace),
        /** Stage names, where declared ({@code AS name}) and where used. */
        CLASS(SemanticTokenTypes.Class),
        /** The repository of an image reference; {@code scratch}. */
        TYPE(SemanticTokenTypes.Type),
        /** The tag of an image reference. */
        ENUM_MEMBER(SemanticTokenTypes.EnumMember),
        /** {@code <<} of a heredoc, the operator of {@code ${X:-default}}. */
        OPERATOR(SemanticTokenTypes.Operator),
        /** EXPOSE ports, image digests. */
        NUMBER(SemanticTokenTypes.Number),
        /** Parser directive names ({@code syntax}, {@code escape}, {@code check}). */
        MACRO(SemanticTokenTypes.Macro);

        private final String lspName;

        Type(String lspName) {
            this.lspName = lspName;
        }

        public String lspName() {
            return lspName;
        }
    }

    /** How a token is used; a token's modifiers are a bit set of these ordinals. */
    public enum Modifier {
        DECLARATION(SemanticTokenModifiers.Declaration),
        DEFINITION(SemanticTokenModifiers.Definition),
        DEPRECATED(SemanticTokenModifiers.Deprecated),
        READONLY(SemanticTokenModifiers.Readonly),
        DEFAULT_LIBRARY(SemanticTokenModifiers.DefaultLibrary);

        private final String lspName;

        Modifier(String lspName) {
            this.lspName = lspName;
        }

        public String lspName() {
            return lspName;
        }

        public int bit() {
            return 1 << ordinal();
        }
    }

    private Legend() {}

    /** The legend to advertise in the server capabilities. */
    public static SemanticTokensLegend legend() {
        return new SemanticTokensLegend(
                Arrays.stream(Type.values()).map(Type::lspName).toList(),
                Arrays.stream(Modifier.values()).map(Modifier::lspName).toList());
    }

    static int bits(Modifier... modifiers) {
        int bits = 0;
        for (Modifier m : modifiers) {
            bits |= m.bit();
        }
        return bits;
    }

    /** The names of the modifiers in {@code bits}, in legend order. */
    public static List<String> modifierNames(int bits) {
        return Arrays.stream(Modifier.values()).filter(m -> (bits & m.bit()) != 0).map(Modifier::lspName).toList();
    }
}
