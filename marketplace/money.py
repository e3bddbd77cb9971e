"""How prices in MAD are written in each language of the site."""

from django.utils.translation import get_language


class CurrencyFormatByLanguage(dict):
    """Babel arguments for Oscar's `currency` filter, chosen by the active language.

    Oscar reads `OSCAR_CURRENCY_FORMAT.get(currency)` when it formats a price. Moroccan locales
    give `1 234,50 MAD` in French and `1.234,50 د.م.` in Arabic; English gets a space after the
    currency code (`MAD 1,234.50`).
    """

    LOCALES = {"fr": "fr_MA", "ar": "ar_MA", "en": "en"}

    def get(self, currency, default=None):
        language = (get_language() or "fr").split("-")[0]
        arguments = {"locale": self.LOCALES.get(language, language)}
        if language == "en":
            arguments["format"] = "¤\u00a0#,##0.00"
        return arguments
