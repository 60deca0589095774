"""Printing and PDF output (needs QtGui): the bundled fonts, the policy cheat sheet.

What goes on the page is built Qt-free in ``sellerdesk.services``; this package only lays it
out with Qt and writes it to a printer or a PDF file.
"""
