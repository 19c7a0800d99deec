# writers tests
