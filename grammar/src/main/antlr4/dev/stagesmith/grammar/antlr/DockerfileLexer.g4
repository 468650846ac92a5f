/*
 * Dockerfile lexer. Modes: the start of a line (directives, comments, blank lines, the keyword),
 * instruction arguments, comment and blank lines inside a continued instruction, JSON arrays, and
 * heredoc bodies. What depends on context (the escape character, which comment lines are directives,
 * where a line continues, where a JSON array or a heredoc terminator is) is decided in
 * DockerfileLexerBase, which reads the file the way BuildKit does; the rules below only ask it, so the
 * tokens always agree with BuildKit's reading of every line. Decisions are made in actions (which
 * retype a token) rather than predicates wherever possible, so that ANTLR can cache its DFA.
 */
lexer grammar DockerfileLexer;

options { superClass = DockerfileLexerBase; }

tokens { DIRECTIVE, JSON_OPEN, JSON_PUNCT, CONT_COMMENT, EMPTY_CONT_LINE, HEREDOC_END }

// ---- start of a line -------------------------------------------------------------------------

BOM       : '\uFEFF' {byteOrderMark();} ;
NEWLINE   : '\r'* '\n' ;
BLANK     : SPACE+ ;
/** A comment line; the base class retypes the parser directives at the top as DIRECTIVE. */
COMMENT   : '#' REST_OF_LINE {comment();} ;

/** An escape character that ends its line continues the instruction on the next line. */
LINE_CONTINUATION : ESCAPE_CANDIDATE [ \t]* '\r'* '\n' {isContinuation()}? {continued();} ;

KEYWORD   : (~[ \t\u000B\f\r\n\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000#\\`\uFEFF] WORD_CHAR*
            | ESCAPE_CANDIDATE)
            {enterInstruction();} ;

// ---- instruction arguments --------------------------------------------------------------------

mode ARGS;

ARGS_CONTINUATION : ESCAPE_CANDIDATE [ \t]* '\r'* '\n' {isContinuation()}? {continued();} -> type(LINE_CONTINUATION) ;
ARGS_NEWLINE      : '\r'* '\n' {endLogicalLine();} -> type(NEWLINE) ;
/** A '[' that starts the instruction's JSON (exec form) array becomes JSON_OPEN; any other is text. */
BRACKET           : '[' {bracket();} ;
/** Argument text up to a line break, a possible escape character or a '['; few tokens keep lexing fast. */
TEXT              : ~[\n\\`[]+ | ESCAPE_CANDIDATE ;

// ---- comment and blank lines inside a continued instruction (BuildKit drops them) ------------

mode SKIPPED;

SKIPPED_LINE : (~'\n'+ | ~'\n'* '\n') {skippedLine();} ;

// ---- JSON (exec form) arrays ------------------------------------------------------------------

mode JSON;

JSON_CONTINUATION : ESCAPE_CANDIDATE [ \t]* '\r'* '\n' {isContinuation()}? {continued();} -> type(LINE_CONTINUATION) ;
JSON_NEWLINE      : '\r'* '\n' {endLogicalLine();} -> type(NEWLINE) ;
JSON_STRING       : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"' ;
JSON_COMMA        : ',' ;
JSON_NESTED_OPEN  : '[' {openNestedArray();} -> type(JSON_PUNCT) ;
JSON_CLOSE        : ']' {closeArray();} ;
JSON_VALUE        : [a-zA-Z0-9.+-]+ ;
JSON_WS           : SPACE+ ;
JSON_OTHER        : . -> type(JSON_PUNCT) ;

// ---- heredoc bodies ---------------------------------------------------------------------------

mode HEREDOC;

/** A body line; the base class retypes the terminator line as HEREDOC_END. */
HEREDOC_LINE : (~'\n'+ | ~'\n'* '\n') {heredocLine();} ;

// ---- fragments --------------------------------------------------------------------------------

/** Go's unicode.IsSpace, without the line feed. */
fragment SPACE : [ \t\u000B\f\r\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000] ;
fragment WORD_CHAR : ~[ \t\u000B\f\r\n\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\\`] ;
fragment ESCAPE_CANDIDATE : [\\`] ;
/** The rest of a line without its line break: BuildKit splits lines at \n only, so a lone \r stays inside. */
fragment REST_OF_LINE : (~[\r\n] | '\r'+ ~[\r\n])* ;
