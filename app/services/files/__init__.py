"""Visitors' file uploads (SPEC §17): allowed types and sniffing (``types``), blobs on
disk (``store``), upload rows, their attachment to submissions, downloads and erasure
(``uploads``: ``erase_uploads_tx``), and the purge (``purge``). Import the modules:
this package stays empty so the forms config can import ``types`` without a cycle."""
