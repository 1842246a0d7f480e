"""Print: the catalogue as an A5/A4 booklet and a leaflet per life situation (WeasyPrint, pypdf, segno).

    contexts  what each printed page shows, from the publishable catalogue (no IO)
    entries   one service, place and opening week as printed; chapters: chapters and indexes
    crisis    the crisis lines on the back cover (the site's own or the country's)
    qr        QR codes as SVG, drawn while a PDF is laid out
    fonts     the embedded fonts (DejaVu files)
    pdf       HTML → PDF in worker processes: padding to 4 pages, measuring leaflets
    impose    pypdf: booklet sheets and tri-fold sides for ordinary duplex printers
    cache     rendered PDFs by the hash of their HTML
    jobs      the run: plan, cache, render in parallel, report overflows

Templates are ``templates/print/`` (a theme may override them by name).
"""

from .jobs import BOOKLET_FILE, CATALOGUE_FILE, FOLDER, PrintResult, print_catalogue, print_paths

__all__ = ["BOOKLET_FILE", "CATALOGUE_FILE", "FOLDER", "PrintResult", "print_catalogue", "print_paths"]
