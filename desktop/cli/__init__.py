"""`sealroom` on the command line: one module per noun (its parser and its handlers), no Qt."""
