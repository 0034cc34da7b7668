"""banksim."""
