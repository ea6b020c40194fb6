"""The one exception the watermark engine raises for input it cannot work with."""


class WatermarkError(ValueError):
    """Bad input to the watermark engine; the message says what to change."""
