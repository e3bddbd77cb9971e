"""Settings: base is shared by every environment; dev, test and production adjust it."""
