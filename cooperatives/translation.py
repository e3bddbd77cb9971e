"""Fields of the cooperatives app translated into French, Arabic and English."""

from modeltranslation.translator import TranslationOptions, register

from cooperatives.models import Cooperative, Region


@register(Region)
class RegionTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Cooperative)
class CooperativeTranslationOptions(TranslationOptions):
    fields = ("story",)
