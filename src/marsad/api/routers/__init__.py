"""HTTP routers, one per resource: articles (JSON), quotes, events, and the HTML pages."""
