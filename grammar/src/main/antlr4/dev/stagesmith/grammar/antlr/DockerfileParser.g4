/*
 * Dockerfile structure: parser directives, comments, and instructions whose lines may continue (with
 * comment and blank lines inside the continuation) and may be followed by heredoc bodies.
 */
parser grammar DockerfileParser;

options { tokenVocab = DockerfileLexer; }

dockerfile  : BOM? line* EOF ;

line        : directive | comment | instruction | BLANK | NEWLINE ;

directive   : DIRECTIVE ;

comment     : COMMENT ;

instruction : (KEYWORD | continuation) (TEXT | continuation | jsonArray)* (NEWLINE heredoc*)? ;

continuation: LINE_CONTINUATION (CONT_COMMENT | EMPTY_CONT_LINE)* ;

jsonArray   : JSON_OPEN (JSON_STRING | JSON_COMMA | JSON_VALUE | JSON_WS | JSON_PUNCT | continuation)* JSON_CLOSE? ;

heredoc     : HEREDOC_LINE* HEREDOC_END ;
