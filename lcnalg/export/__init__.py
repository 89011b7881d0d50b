"""Writers of results for papers and other systems: LaTeX, JSON, Macaulay2, Singular."""
