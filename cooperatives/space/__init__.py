"""The cooperative's own space at /my-cooperative/: shipments, products, sales and dues."""
