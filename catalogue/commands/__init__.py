"""One module per command of ``build.py``: each turns the library's results into messages and an exit code.

``catalogue.cli`` parses the arguments and imports only the command it runs, so
``check`` starts without loading Jinja, Pagefind or the PDF libraries.
"""
