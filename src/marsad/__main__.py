"""`python -m marsad` runs the command-line interface."""

from marsad.cli import main

if __name__ == "__main__":
    main()
