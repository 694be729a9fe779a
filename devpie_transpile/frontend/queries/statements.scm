; The top-level statement shapes the loader acts on. Capture names tell the loader
; what a match is; @statement is always the whole top-level statement (the node a
; doc comment sits above).

; export interface / type / enum / class / function / const ...
(program
  (export_statement
    declaration: (_) @declaration) @statement)

; the same without `export`
(program
  [
    (interface_declaration)
    (type_alias_declaration)
    (enum_declaration)
    (class_declaration)
    (abstract_class_declaration)
    (function_declaration)
    (generator_function_declaration)
    (function_signature)
    (lexical_declaration)
    (variable_declaration)
    (ambient_declaration)
    (module)
    (internal_module)
  ] @declaration @statement)

; namespace N { ... } (the grammar wraps it in an expression statement)
(program
  (expression_statement
    (internal_module) @declaration) @statement)

; export * from "./x"
(program
  (export_statement
    "*"
    .
    "from"
    source: (string) @source) @export_all @statement)

; export { A, B as C } from "./x"
(program
  (export_statement
    (export_clause) @clause
    source: (string) @source) @export_from @statement)

; export { A, B as C }
(program
  (export_statement
    (export_clause) @clause
    !source) @export_local @statement)

; import { A } from "./x"; import type { A } from "./x"; import X from "./x"
(program
  (import_statement
    (import_clause) @clause
    source: (string) @source) @import @statement)

; import "./x" (side effects only: nothing to follow for types)
(program
  (import_statement
    !source) @statement)
