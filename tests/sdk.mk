# sdk tests
