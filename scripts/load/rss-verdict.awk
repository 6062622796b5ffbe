# Reads the soak's rss.csv (seconds,rss_mb,load1) and prints one line:
#   warm-up peak end middle-third-peak last-third-peak growth-% verdict
# Warm-up is the first sample at or after a tenth of the soak. Memory counts as growing when the
# last third's peak exceeds the middle third's peak by more than `limit` percent; comparing peaks of
# later thirds ignores the climb while caches fill at the start.
# Variables: total (soak seconds), limit (percent).
BEGIN { FS = ","; warm = 0; peak = 0; end_rss = 0; middle = 0; last_third = 0 }
NR > 1 {
  t = $1; r = $2
  if (warm == 0 && t >= total / 10) warm = r
  if (r > peak) peak = r
  if (t >= total / 3 && t < 2 * total / 3 && r > middle) middle = r
  if (t >= 2 * total / 3 && r > last_third) last_third = r
  end_rss = r
}
END {
  if (middle == 0 || last_third == 0) {
    printf "%d %d %d %d %d 0 too-few-samples\n", warm, peak, end_rss, middle, last_third
    exit
  }
  growth = 100 * (last_third - middle) / middle
  printf "%d %d %d %d %d %.1f %s\n", warm, peak, end_rss, middle, last_third, growth, (growth <= limit ? "ok" : "growing")
}
