"""Unit tests of the HTTP layer's pieces: no server, no I/O beyond tmp_path."""
