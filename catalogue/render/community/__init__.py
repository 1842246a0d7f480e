"""The community plan's web pages: what each shows, prepared in Python, so the templates only lay it out.

Each page gets one typed view (a frozen dataclass) built from the publishable
catalogue and its plans (``Catalogue.planning``): names looked up, organisations
linked (a provider to its page, another organisation to its web), sums and the
year's network of services computed, indicator charts drawn as geometry.

    urls      the addresses of the plan's pages and files
    parts     names with links, funding shares, indicators (chart and table)
    items     records in lists, the page header, the links that start a comment
    views     the plan's home, a priority, a measure
    years     a year's action plan
    groups    working groups and minutes
    comments  public comment periods and their settlement
    news      news, their feed, the index of plans
    pages     the page contexts (TypedDicts) the page plan renders
"""
