"""Fields of the catalogue translated into French, Arabic and English (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from catalogue.models import Category, Product


@register(Product)
class ProductTranslationOptions(TranslationOptions):
    fields = ("title", "description")


@register(Category)
class CategoryTranslationOptions(TranslationOptions):
    fields = ("name", "description")
