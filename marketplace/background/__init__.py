"""Background work: django-tasks on its database backend, retried, scheduled, watched."""
