"""One module per area of routes; each exports `PAGES` (HTML) and `API` (mounted under /api/v1)."""
