"""Sign-in, roles and upload safety: who may see and do what in the dashboard."""
