# Runs Jekyll's and html-proofer's command lines for the Chirpy site tests from one Ruby that has loaded
# them, Chirpy's plugins and their gems once: loading them is half the CPU of a build or a check. Each
# command runs in a child forked from this loaded Ruby, its own process as on a command line: the program's
# own script with its arguments, its output to a log file, its exit status reported.
#
# stdin: one JSON array a line, [id, program ("jekyll" or "htmlproofer"), log file, arguments...];
# stdout: "id exit-status" as each command ends. Ends when stdin does and every command has.
require 'json'
require 'jekyll'
%w[jekyll-archives jekyll-seo-tag jekyll-sitemap jekyll-paginate jekyll-include-cache].each { |name| require name }
require 'html-proofer'
require 'mercenary'

PROGRAMS = {
  'jekyll' => Gem.bin_path('jekyll', 'jekyll'),
  'htmlproofer' => Gem.bin_path('html-proofer', 'htmlproofer'),
}.freeze
REPORT = Mutex.new
$stdout.sync = true

waiting = $stdin.each_line.map do |line|
  id, program, log, *args = JSON.parse(line)
  pid = fork do
    # A child builds or checks one small site and exits: its garbage goes with it. Collecting it would be
    # a fifth of the child's CPU (and each collection writes to pages the child shares with this Ruby).
    GC.disable
    $stdout.reopen(log, 'w')
    $stderr.reopen($stdout)
    ARGV.replace(args)
    load PROGRAMS.fetch(program)
  end
  Thread.new do
    _, status = Process.wait2(pid)
    REPORT.synchronize { $stdout.puts("#{id} #{status.exitstatus || 128 + status.termsig.to_i}") }
  end
end
waiting.each(&:join)
