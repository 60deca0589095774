"""Use-cases over the domain and the store, shared by the GUI and the command line. No Qt."""
