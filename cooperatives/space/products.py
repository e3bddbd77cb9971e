"""The cooperative's own products: list them with price and free stock, add one, change one."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import generic

from catalogue import services as catalogue_services
from catalogue.models import Product
from cooperatives import selectors
from cooperatives.space.access import CooperativeStaffMixin
from cooperatives.space.product_forms import ProductForm


class ProductListView(CooperativeStaffMixin, generic.ListView):
    """The cooperative's products with price, free stock and a hint when stock runs low."""

    template_name = "cooperatives/space/product_list.html"
    context_object_name = "records"
    paginate_by = 20

    def get_queryset(self):
        return selectors.stockrecord_list_for_products(cooperative=self.cooperative)


class ProductFormMixin(CooperativeStaffMixin):
    """Shared by adding and changing: the form knows the cooperative; service errors land on
    the form's fields, and a saved product goes back to the list with a message."""

    template_name = "cooperatives/space/product_form.html"
    form_class = ProductForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["cooperative"] = self.cooperative
        return kwargs

    def form_valid(self, form):
        try:
            product = self.save(form)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, self.saved_message(product))
        return redirect("cooperative_space:products")

    def form_invalid(self, form):
        messages.error(self.request, _("The product was not saved: check the fields marked below."))
        return super().form_invalid(form)


class ProductCreateView(ProductFormMixin, generic.FormView):
    """Add a product: its stock record is the cooperative's own."""

    def get_initial(self):
        return {"is_public": True}

    def save(self, form) -> Product:
        return catalogue_services.cooperative_product_create(
            cooperative=self.cooperative,
            data=form.product_data(),
            images=form.cleaned_data["photos"],
        )

    def saved_message(self, product: Product) -> str:
        return _("“%(title)s” was added.") % {"title": product.get_title()}


class ProductEditView(ProductFormMixin, generic.FormView):
    """Change one of the cooperative's products; the form shows its photos and adds more."""

    def get(self, request, *args, **kwargs):
        self.stockrecord = selectors.stockrecord_get_for_product(
            cooperative=self.cooperative, pk=kwargs["pk"]
        )
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.stockrecord = selectors.stockrecord_get_for_product(
            cooperative=self.cooperative, pk=kwargs["pk"]
        )
        return super().post(request, *args, **kwargs)

    def get_initial(self):
        return ProductForm.initial_for(
            product=self.stockrecord.product, stockrecord=self.stockrecord
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["product"] = self.stockrecord.product
        context["stockrecord"] = self.stockrecord
        context["images"] = list(self.stockrecord.product.images.all())
        return context

    def save(self, form) -> Product:
        return catalogue_services.cooperative_product_update(
            cooperative=self.cooperative,
            product=self.stockrecord.product,
            data=form.product_data(),
            images=form.cleaned_data["photos"],
        )

    def saved_message(self, product: Product) -> str:
        return _("“%(title)s” was saved.") % {"title": product.get_title()}
