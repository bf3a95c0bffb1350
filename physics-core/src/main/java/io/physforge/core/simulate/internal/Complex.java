package io.physforge.core.simulate.internal;

/** Minimal immutable complex number for coefficient set-up (not used in inner loops). */
record Complex(double re, double im) {

	static final Complex ZERO = new Complex(0, 0);

	static final Complex ONE = new Complex(1, 0);

	static Complex exp(double re, double im) {
		double m = Math.exp(re);
		return new Complex(m * Math.cos(im), m * Math.sin(im));
	}

	Complex plus(Complex o) {
		return new Complex(this.re + o.re, this.im + o.im);
	}

	Complex minus(Complex o) {
		return new Complex(this.re - o.re, this.im - o.im);
	}

	Complex times(Complex o) {
		return new Complex(this.re * o.re - this.im * o.im, this.re * o.im + this.im * o.re);
	}

	Complex scaled(double s) {
		return new Complex(this.re * s, this.im * s);
	}

	Complex dividedBy(Complex o) {
		double d = o.re * o.re + o.im * o.im;
		return new Complex((this.re * o.re + this.im * o.im) / d, (this.im * o.re - this.re * o.im) / d);
	}

}
