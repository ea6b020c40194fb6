"""Protecting shared work: watermarked shares and leak tracing."""
