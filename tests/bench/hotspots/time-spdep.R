# Times R spdep on a GeoJSON of polygons: only the steps, not reading the file.
# Prints one JSON line: {"n", "links", "islands", "steps": [{"step", "ms"}]}.
# s2 is off, as in the fixtures: poly2nb then finds candidates by bounding box
# and joins vertices within `snap` (our rule). With s2 on it stops on England's
# simplified LSOAs: "Loop 0 edge 11 crosses loop 1 edge 0".
# Usage: Rscript time-spdep.R <polygons.geojson>
suppressPackageStartupMessages({
  library(sf)
  library(spdep)
  library(jsonlite)
})
args <- commandArgs(trailingOnly = TRUE)
invisible(sf_use_s2(FALSE))
areas <- st_read(args[1], quiet = TRUE)
set.seed(1)
x <- rnorm(nrow(areas))  # Gi* cost does not depend on the values
elapsed_ms <- function(expr) {
  t0 <- proc.time()[["elapsed"]]
  value <- force(expr)
  list(value = value, ms = (proc.time()[["elapsed"]] - t0) * 1000)
}
nb <- elapsed_ms(poly2nb(areas, queen = TRUE, snap = 1e-6))
lw <- elapsed_ms(nb2listw(include.self(nb$value), style = "B", zero.policy = TRUE))
g <- elapsed_ms(localG(x, lw$value, zero.policy = TRUE))
cat(toJSON(list(
  tool = paste("R", getRversion(), "spdep", packageVersion("spdep")),
  n = length(nb$value), links = sum(card(nb$value)), islands = sum(card(nb$value) == 0),
  steps = list(
    list(step = "poly2nb(queen = TRUE, snap = 1e-6)", ms = round(nb$ms)),
    list(step = "nb2listw(include.self(nb), style = 'B')", ms = round(lw$ms)),
    list(step = "localG (Gi*, analytic z)", ms = round(g$ms))
  )
), auto_unbox = TRUE, digits = NA), "\n")
