from tradestats.cli import main

main()
